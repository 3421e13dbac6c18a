// The CLI entry: parses argv with commander, runs a command, and returns its exit code. It never
// calls process.exit and takes its streams, cwd and env as arguments, so tests run it in-process.
import { Command, CommanderError, Option } from 'commander';
import { CriteriaError, formatCriteriaIssue } from '../criteria/errors.js';
import { firstLineOf } from '../read/errors.js';
import { FORMAT_NAMES } from '../report/index.js';
import { EXIT_FAILURE, UsageError, type CliIo } from './io.js';
import { TOOL_VERSION } from './version.js';

const EXAMPLES = `
Examples:
  $ s4s check fixtures/strategies/cs-horni-lhota.md
  $ s4s check strategies/ --format md -o report.md
  $ s4s check "corpus/**/*.pdf" --format csv -o results.csv
  $ s4s check draft.md --criteria smart --criteria sdg@1.0.0 --format json
  $ cat strategy.md | s4s check - --lang cs
  $ s4s check corpus/ --jobs auto --cache --format jsonl -o results.jsonl
  $ s4s check corpus/ --shard 2/4 --format jsonl -o shard-2.jsonl && s4s merge shard-*.jsonl --format csv -o all.csv
  $ s4s tag passages.csv --criteria sdg --lang en -o tags.csv
  $ s4s diff old/strategy.md strategy.md --fail-on-regression
  $ s4s extract strategy.pdf --format md
  $ s4s criteria list
  $ s4s criteria show sdg/11

Exit codes: 0 done, 1 a compliance threshold failed, 2 s4s could not do its job
(an input unreadable or missing, invalid criteria, nothing matched).`;

/** `-o, --output <path>`; `-o -` is standard output, as when no -o is given (and over a configuration file's output). */
function outputOption(description: string): Option {
  return new Option('-o, --output <path>', `${description} (- for standard output)`).argParser((path: string) => (path === '-' ? undefined : path));
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name('s4s')
    .description('Check city and regional strategies against the SMART Concept, the European Green Deal and the UN SDGs.')
    .version(TOOL_VERSION, '-v, --version')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Commander's own messages ("error: unknown option '--x'") read like every other error line.
      outputError: (text, write) => write(text.replace(/^error: /, 's4s: ')),
    })
    .addHelpText('after', EXAMPLES)
    .hook('preAction', () => refuseContradictingConfigOptions(argv));

  program
    .command('check')
    .description('analyse documents (files, directories, globs, - for standard input) and report compliance')
    .argument('[inputs...]', 'files, directories, globs, or - for standard input')
    .option('-c, --criteria <set>', 'criteria set: id, id@version or path to a JSON file (repeatable; default: all bundled sets)', collect, [])
    .addOption(new Option('-f, --format <format>', 'report format').choices(FORMAT_NAMES).default('text'))
    .addOption(outputOption('write the report to a file instead of standard output'))
    .option('--report <format=path>', 'also write a report in another format, e.g. sarif=s4s.sarif (repeatable)', collect, [])
    .addOption(new Option('--csv-layout <layout>', 'CSV: long (document x criterion) or wide (one row per document)').choices(['long', 'wide']).default('long'))
    .option('--bom', 'CSV: start with a UTF-8 byte order mark (for Excel)')
    .option('--fail-under <score>', 'exit 1 when a score is lower: 60 for the overall score, egd=60 for a framework (repeatable)', collect, [])
    .option('--require <criterion>', 'exit 1 when a criterion is not met, e.g. smart/vision (repeatable)', collect, [])
    .addOption(new Option('--lang <language>', 'document language').choices(['auto', 'cs', 'sk', 'pl', 'hu', 'en']).default('auto'))
    .addOption(new Option('--report-lang <language>', 'language of titles and guidance in the report (default: the document\'s)').choices(['cs', 'sk', 'pl', 'hu', 'en']))
    .option('--password <password>', 'password for encrypted PDFs')
    .addOption(new Option('--stdin-format <format>', 'format of standard input when its content does not tell').choices(['md', 'txt', 'pdf', 'docx']))
    .option('--max-file-size <size>', 'refuse larger files (e.g. 50MB; 0: no limit)', '200MB')
    .option('--max-pages <n>', 'refuse PDFs with more pages (0: no limit)', '5000')
    .option('--max-inflated-size <size>', 'refuse DOCX files that would unpack to more, like zip bombs (0: no limit)', '512MB')
    .option('--timestamp', 'record the time of the run in the report (reports are otherwise byte-identical run to run)')
    .option('-j, --jobs <n|auto>', 'documents analysed at once, each on a worker thread (auto: the available CPU cores, also the most used)', 'auto')
    .option('--timeout <seconds>', 'stop a document that takes longer; it is reported with code TIMEOUT (0: no limit)', '300')
    .option('--cache', 'keep extracted documents in the user cache directory and reuse them (new criteria need no re-extraction)')
    .option('--cache-dir <dir>', 'cache directory; implies --cache (default: $XDG_CACHE_HOME/s4s or ~/.cache/s4s)')
    .option('--shard <k/n>', 'check only the k-th of n stable shares of the inputs; join the results with s4s merge')
    .option('-q, --quiet', 'print only errors (never changes the exit code)')
    .option('--no-color', 'no colours in the terminal summary (NO_COLOR is honoured too)')
    .option('--no-step-summary', 'do not append a summary to $GITHUB_STEP_SUMMARY (GitHub Actions)')
    .option('--config <path>', 'configuration file (default: s4s.config.json, .s4src.json or package.json#s4s, searched upwards)')
    .option('--no-config', 'ignore configuration files')
    .option('--print-config', 'print the options in effect (configuration file and command line merged) and exit')
    .addHelpText('after', EXAMPLES)
    .action(async (inputs: string[], options, command: Command) => {
      const { runCheck } = await import('./check.js');
      exitCode = await runCheck(inputs, options, io, givenOnCommandLine(command));
    });

  program
    .command('merge')
    .description('combine the JSON or JSONL results of shards (check --shard k/n) into one report')
    .argument('<results...>', 'result files written by s4s check --format json or --format jsonl')
    .addOption(new Option('-f, --format <format>', 'report format').choices(FORMAT_NAMES).default('text'))
    .addOption(outputOption('write the report to a file instead of standard output'))
    .option('--fail-under <score>', 'exit 1 when a score is lower, as in check (repeatable; default: the rules the shards were checked with)', collect, [])
    .option('--require <criterion>', 'exit 1 when a criterion is not met, as in check (repeatable; default: as the shards)', collect, [])
    .option('-q, --quiet', 'print only errors (never changes the exit code)')
    .option('--no-color', 'no colours in the terminal summary (NO_COLOR is honoured too)')
    .action(async (files: string[], options) => {
      const { runMerge } = await import('./merge.js');
      exitCode = await runMerge(files, options, io);
    });

  program
    .command('tag')
    .description('tag each passage of a CSV or JSONL file with the criteria it addresses (one row per passage and criterion)')
    .argument('<file>', 'CSV, TSV or JSONL file of passages, or - for standard input')
    .option('--text-column <name>', 'column (or JSONL field) with the passage text', 'text')
    .option('--id-column <name>', 'column (or JSONL field) with the passage id; without an "id" column, passages are numbered from 1', 'id')
    .option('-c, --criteria <set>', 'criteria set: id, id@version or path to a JSON file (repeatable; default: all bundled sets)', collect, [])
    .addOption(new Option('--lang <language>', 'language of the passages (auto detects each one)').choices(['auto', 'cs', 'sk', 'pl', 'hu', 'en']).default('auto'))
    .option('--min-share <share>', 'tag only what a passage is mainly about: a criterion needs this share (0-1) of the strongest evidence in its set (default 0: every criterion addressed)', '0')
    .option('--model <file>', 'passage model giving a second opinion where no term matched (default: the bundled English SDG model)')
    .option('--no-model', 'terms only: no passage model')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .addOption(outputOption('write to a file instead of standard output'))
    .action(async (file: string, options) => {
      const { runTag } = await import('./tag.js');
      exitCode = await runTag(file, options, io);
    });

  program
    .command('diff')
    .description('compare two versions of a strategy (documents, or saved JSON reports): criteria whose status or score changed')
    .argument('<old>', 'older version: a document, or a JSON report from s4s check --format json')
    .argument('<new>', 'newer version: a document, or a JSON report')
    .option('-c, --criteria <set>', 'criteria set (repeatable; default: the saved report\'s sets, else all bundled sets)', collect, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'md', 'csv', 'sarif', 'junit', 'github', 'html']).default('text'))
    .addOption(outputOption('write to a file instead of standard output'))
    .option('--report <format=path>', 'also write another format, e.g. md=diff.md (repeatable)', collect, [])
    .option('--fail-on-regression', 'exit 1 when any criterion\'s status got worse')
    .addOption(new Option('--lang <language>', 'document language').choices(['auto', 'cs', 'sk', 'pl', 'hu', 'en']).default('auto'))
    .addOption(new Option('--report-lang <language>', 'language of titles and guidance').choices(['cs', 'sk', 'pl', 'hu', 'en']))
    .option('--password <password>', 'password for encrypted PDFs')
    .option('--max-file-size <size>', 'refuse larger files (e.g. 50MB; 0: no limit)', '200MB')
    .option('--max-pages <n>', 'refuse PDFs with more pages (0: no limit)', '5000')
    .option('--max-inflated-size <size>', 'refuse DOCX files that would unpack to more, like zip bombs (0: no limit)', '512MB')
    .option('-j, --jobs <n|auto>', 'threads: with 2 or more, the two documents are analysed at once (auto: the available CPU cores)', 'auto')
    .option('--timeout <seconds>', 'stop a document that takes longer; the diff fails with code TIMEOUT (0: no limit)', '300')
    .option('--bom', 'CSV: start with a UTF-8 byte order mark')
    .option('--timestamp', 'record the time of the run')
    .option('-q, --quiet', 'print only errors (never changes the exit code)')
    .option('--no-color', 'no colours')
    .option('--no-step-summary', 'do not append a summary to $GITHUB_STEP_SUMMARY')
    .option('--config <path>', 'configuration file (default: searched upwards)')
    .option('--no-config', 'ignore configuration files')
    .action(async (oldInput: string, newInput: string, options, command: Command) => {
      const { runDiff } = await import('./diff.js');
      exitCode = await runDiff(oldInput, newInput, options, io, givenOnCommandLine(command));
    });

  program
    .command('extract')
    .description('show what s4s reads from a document: sections with pages (PDF), lines or paragraphs, language, warnings')
    .argument('<input>', 'a PDF, DOCX, Markdown or text file, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format: an outline (text, md) or everything (json)').choices(['text', 'json', 'md']).default('text'))
    .addOption(outputOption('write to a file instead of standard output'))
    .addOption(new Option('--lang <language>', 'document language').choices(['auto', 'cs', 'sk', 'pl', 'hu', 'en']).default('auto'))
    .option('--password <password>', 'password for an encrypted PDF')
    .addOption(new Option('--stdin-format <format>', 'format of standard input when its content does not tell').choices(['md', 'txt', 'pdf', 'docx']))
    .option('--max-file-size <size>', 'refuse larger files (e.g. 50MB; 0: no limit)', '200MB')
    .option('--max-pages <n>', 'refuse PDFs with more pages (0: no limit)', '5000')
    .option('--max-inflated-size <size>', 'refuse DOCX files that would unpack to more, like zip bombs (0: no limit)', '512MB')
    .option('-j, --jobs <n|auto>', "threads s4s may use: with 2 or more, a long PDF's pages are read by two (auto: the available CPU cores)", 'auto')
    .option('--timeout <seconds>', 'stop reading a document that takes longer; it fails with code TIMEOUT (0: no limit)', '300')
    .action(async (input: string, options) => {
      const { runExtract } = await import('./extract.js');
      exitCode = await runExtract(input, options, io);
    });

  const criteria = program.command('criteria').description('list, show, validate criteria sets, or print their JSON Schema');
  criteria
    .command('list')
    .description('list the bundled criteria sets and their versions')
    .addOption(formatOption())
    .action(async (options) => {
      const { runCriteriaList } = await import('./criteria-command.js');
      exitCode = runCriteriaList(options, io);
    });
  criteria
    .command('show')
    .description('show a set (sdg, sdg@1.0.0, a path) or one criterion (sdg/11, smart/vision)')
    .argument('<id>', 'set or criterion id')
    .addOption(formatOption())
    .addOption(new Option('--lang <language>', 'language of titles and terms').choices(['en', 'cs', 'sk', 'pl', 'hu']).default('en'))
    .action(async (id: string, options) => {
      const { runCriteriaShow } = await import('./criteria-command.js');
      exitCode = runCriteriaShow(id, options, io);
    });
  criteria
    .command('validate')
    .description('check a criteria file against the schema; errors give the JSON pointer')
    .argument('<file>', 'criteria set JSON file')
    .addOption(formatOption())
    .action(async (file: string, options) => {
      const { runCriteriaValidate } = await import('./criteria-command.js');
      exitCode = runCriteriaValidate(file, options, io);
    });
  criteria
    .command('schema')
    .description('print the JSON Schema of criteria sets')
    .action(async () => {
      const { runCriteriaSchema } = await import('./criteria-command.js');
      exitCode = runCriteriaSchema(io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io);
  }
}

function formatOption(): Option {
  return new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * `--config <path>` and `--no-config` set one option, and commander lets the last one win: the other
 * would be dropped without a word. Given together they are refused. Arguments after `--` are inputs.
 */
function refuseContradictingConfigOptions(argv: string[]): void {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  const namesFile = options.some((arg) => arg === '--config' || arg.startsWith('--config='));
  if (namesFile && options.includes('--no-config')) throw new UsageError('--config and --no-config contradict each other: give one of them');
}

/** Options the user typed (not defaults): these beat the configuration file. */
function givenOnCommandLine(command: Command): Set<string> {
  return new Set(Object.keys(command.opts()).filter((key) => command.getOptionValueSource(key) === 'cli'));
}

function handleError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and version are not errors; commander already printed its own one-line message.
    return error.exitCode === 0 ? 0 : EXIT_FAILURE;
  }
  if (error instanceof CriteriaError) {
    for (const issue of error.issues) io.stderr.write(`s4s: ${formatCriteriaIssue(issue)}\n`);
    return EXIT_FAILURE;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`s4s: ${error.message}\n`);
    return EXIT_FAILURE;
  }
  // An unexpected failure is our bug, not the user's: say so in one line, details only on request.
  io.stderr.write(`s4s: internal error: ${firstLineOf(error)} (set S4S_DEBUG=1 for details)\n`);
  if (io.env.S4S_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT_FAILURE;
}
