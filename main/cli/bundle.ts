// The entry of the CommonJS bundle the CLI's commands run from (see launch.ts): the same runCli as cli.js.
export { runCli } from './main';
