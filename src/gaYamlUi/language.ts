// The ga-yaml language: ga.yaml and *.ga.yaml files (package.json contributes.languages), on the YAML grammar.
import type * as vscode from 'vscode';

export const GA_YAML_LANGUAGE = 'ga-yaml';

/** Files on disk and untitled documents (the walk-through command opens one when it cannot write a file). */
export const GA_YAML_SELECTOR: vscode.DocumentSelector = [
  { language: GA_YAML_LANGUAGE, scheme: 'file' },
  { language: GA_YAML_LANGUAGE, scheme: 'untitled' },
  { language: GA_YAML_LANGUAGE, scheme: 'vscode-remote' },
];
