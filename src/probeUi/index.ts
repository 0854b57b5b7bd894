// IPv6 probes in the editor: "Probe IPv6 Reachability…", "Probe over IPv6" on explorer items, "Run curl -6 -g in
// a Terminal…" and "Save Probe Report…". The probing itself is src/probe (pure Node).
export { registerProbeCommands } from './commands';
