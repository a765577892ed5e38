// The `broker` command's commands, loaded by the entry (broker.ts).
import { readFileSync } from 'node:fs';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { clusterCommand } from './cluster-command.js';
import { commServerCommand } from './commserver-command.js';
import { coordinatorCommand } from './coordinator-command.js';
import { kickCommand } from './kick-command.js';
import { loadtestCommand } from './loadtest-command.js';
import {
  COMMANDS, checkOptionValues, configDescription, dropForeignEnvironment, failureReport, globalOptions, loadConfigFile, optionsEpilogue, printConfigAndExit,
  reportUnhandledSystemErrors,
} from './options.js';

// The package's version, wherever the package is installed (dist/cli/commands.js -> package.json).
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

reportUnhandledSystemErrors();

const cli = yargs(hideBin(process.argv))
  .scriptName('broker')
  .usage('$0 <command> [options]')
  .strict()
  .strictCommands()
  .demandCommand(1, `Name a command: ${COMMANDS.join(', ')}`)
  .env('BROKER')
  .config('config', configDescription, loadConfigFile)
  .options(globalOptions)
  .epilogue(optionsEpilogue)
  .version(version)
  .help()
  .fail((message, error) => {
    const { text, exitCode } = failureReport(error, message);
    process.stderr.write(text);
    process.exit(exitCode);
  });

cli.middleware(dropForeignEnvironment(cli), true).check(checkOptionValues(cli), true).middleware(printConfigAndExit(cli));
coordinatorCommand(cli);
commServerCommand(cli);
clusterCommand(cli);
loadtestCommand(cli);
kickCommand(cli);
await cli.parseAsync();
