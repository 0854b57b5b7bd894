// schemas/ga-yaml.schema.json, generated from the shape table (shape.ts), for editors that read JSON Schema (the
// `yamlValidation` contribution: Red Hat's YAML extension, and any CI linter). `npm run gen:schema` writes it and a
// unit test fails when the committed file differs, so the schema never disagrees with the checks. The schema
// holds what JSON Schema can say (keys, types, enumerations, limits, required keys, the subscription's keys,
// exactly one of to/value); the checks hold the rest (names, regions, ports across listeners, references).
import { LISTENER_PROTOCOLS, MAX_LISTENER_PORT, MIN_LISTENER_PORT } from '../model';
import { ACCELERATOR_SHAPE, RECORD_SHAPE, ROOT_SHAPE, type Field, type Shape } from './shape';

type Json = Record<string, unknown>;

export const SCHEMA_ID = 'https://ga-ipv6.invalid/schemas/ga-yaml.schema.json';

/** The seed's name rule (2–128, a letter first), for accelerator and listener keys. */
const NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_-]{1,127}$';

function describe(target: Json, doc: string): Json {
  // Plain text for tools that show `description`, Markdown for VS Code.
  target.description = doc.replace(/`/g, '');
  target.markdownDescription = doc;
  return target;
}

function schemaOf(shape: Shape, field?: Field): Json {
  const out: Json = {};
  switch (shape.kind) {
    case 'scalar': {
      out.type = shape.type;
      if (shape.enum) out.enum = [...shape.enum];
      if (shape.enum && shape.enumDocs && shape.enumDocs.size > 0) out.markdownEnumDescriptions = shape.enum.map((e) => shape.enumDocs?.get(String(e)) ?? '');
      if (shape.minimum !== undefined) out.minimum = shape.minimum;
      if (shape.maximum !== undefined) out.maximum = shape.maximum;
      if (shape.pattern) out.pattern = shape.pattern;
      break;
    }
    case 'object': {
      out.type = 'object';
      const properties: Json = {};
      for (const f of shape.fields.values()) properties[f.key] = describe(schemaOf(f.shape, f), f.doc);
      out.properties = properties;
      const required = [...shape.fields.values()].filter((f) => f.required).map((f) => f.key);
      if (required.length) out.required = required;
      out.additionalProperties = false;
      break;
    }
    case 'namedMap': {
      out.type = 'object';
      out.additionalProperties = describe(schemaOf(shape.value), shape.keyDoc);
      if (shape.nameField === 'name') out.propertyNames = { pattern: NAME_PATTERN };
      break;
    }
    case 'list': {
      out.type = 'array';
      out.items = schemaOf(shape.items);
      if (shape.minItems !== undefined) out.minItems = shape.minItems;
      if (shape.maxItems !== undefined) out.maxItems = shape.maxItems;
      break;
    }
    case 'ports': {
      out.type = 'array';
      out.minItems = 1;
      out.items = {
        anyOf: [
          { type: 'integer', minimum: MIN_LISTENER_PORT, maximum: MAX_LISTENER_PORT },
          { type: 'string', pattern: '^\\s*\\d+\\s*(-\\s*\\d+\\s*)?$' },
        ],
      };
      break;
    }
  }
  if (field?.example !== undefined && shape.kind !== 'namedMap') out.examples = [field.example];
  if (shape === ACCELERATOR_SHAPE) {
    // subscription needs spec, term and bandwidthPlan; payAsYouGo (billed by data transfer) takes no term and no plan.
    out.allOf = [
      { if: { properties: { billing: { const: 'subscription' } }, required: ['billing'] }, then: { required: ['spec', 'term', 'bandwidthPlan'] } },
      { if: { properties: { billing: { const: 'payAsYouGo' } }, required: ['billing'] }, then: { not: { anyOf: [{ required: ['term'] }, { required: ['bandwidthPlan'] }] } } },
    ];
  }
  if (shape === RECORD_SHAPE) out.oneOf = [{ required: ['to'] }, { required: ['value'] }];
  return out;
}

export function gaYamlJsonSchema(): Json {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'ga.yaml',
    ...describe({}, `IPv6 front doors for IPv4 services on Alibaba Cloud Global Accelerator: instances, bandwidth plans, acceleration areas, listeners (${LISTENER_PROTOCOLS.join(', ')}), endpoint groups and the DNS records that point at them. Generated from src/gaYaml/shape.ts; the extension's checks (docs/ga-yaml.md) report more than this schema can say.`),
    ...schemaOf(ROOT_SHAPE),
  };
}

/** The file's text as committed: two-space JSON and a final newline. */
export function gaYamlJsonSchemaText(): string {
  return `${JSON.stringify(gaYamlJsonSchema(), null, 2)}\n`;
}
