import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeStatus, generateEstateRisks, estateInputsText, ESTATE_ARTIFACT } from '../../core/artifacts/index';
import { folderOf } from '../../core/files';
import type { Command } from '../command';
import { cannotRead, complain, EXIT, PROGRAM, RISK_THRESHOLD, usageFailure } from '../context';
import { readInputs } from '../lintRun';
import { checkOrWrite, emptyTally, exitCodeOf, parseFolderArgs } from '../folderWrite';

const USAGE = `${PROGRAM} estate <file|directory>... [--out-dir <dir>] [--force] [--check]`;

/**
 * `integration-lint estate`: the estate risk register of each org the given designs name
 * (`<org>.estate.risks.md`), written through the core's artifact writer like the other artifacts.
 */
export const estateCommand: Command = {
  name: 'estate',
  summary: 'Write (or --check) the estate risk register of each org the designs name',
  help: `Usage: ${USAGE}

Designs that name the same Salesforce org (salesforce.org: <id>) form its estate: they share
the org's integration users and daily allocations. For each org, writes the estate risk
register <org>${ESTATE_ARTIFACT.suffix}: the org's figures, its designs, every org-wide limit the
designs reach ${RISK_THRESHOLD} or more of together (with each design's share), the findings that compare
the designs, and the designs left out (unreadable). It is written beside the org file
(<name>.salesforce-org.yaml), or beside the org's first design when no file describes the org.

Only the designs given are checked together: name the folder to take the whole estate. The
org files beside each design named are read too. A directory is searched recursively.

Each file starts with a header with a hash of every document of the estate: --check says
when a committed register is out of date with its designs. A register edited by hand is not
overwritten unless --force is given.

Options:
      --out-dir <dir>  Write (or check) the registers in <dir>
      --force          Overwrite a register even if it was edited by hand
      --check          Write nothing; exit 1 if a register is missing, edited or out of date
  -h, --help           Show this help

Exit codes:
  0  every register written (or, with --check, up to date)
  1  a register edited by hand was left alone (without --force), or --check found one to update
  2  usage error, an unreadable input, no design that names an org, or a file that could not be written

Examples:
  ${PROGRAM} estate examples/estate/
  ${PROGRAM} estate --check designs/
`,
  async run(args, context) {
    let parsed;
    try {
      parsed = parseFolderArgs(args);
    } catch (error) {
      return usageFailure(context, error, USAGE, 'estate');
    }
    const run = readInputs(parsed.positionals, context.cwd);
    for (const p of run.problems) complain(context, cannotRead(p.display, p.reason));
    const estates = run.estates.allEstates().filter((e) => e.designs.length + e.leftOut.length > 0);
    if (estates.length === 0) {
      complain(context, `no design among the inputs names its org (salesforce.org: <id>), so there is no estate to write. See docs/format.md, "Estate".`);
      return EXIT.usage;
    }
    const outDir = parsed.values['out-dir'] === undefined ? undefined : pathToFileURL(resolve(context.cwd, parsed.values['out-dir'])).href;
    const tally = emptyTally(run.problems.length);
    for (const estate of estates) {
      const anchor = estate.orgFiles[0]?.uri ?? estate.designs[0]?.uri ?? estate.leftOut[0].uri;
      const folderUri = outDir ?? folderOf(anchor);
      const register = generateEstateRisks({ estate, findingsOf: (uri) => run.estates.findingsOf(uri), folderUri, unreadable: run.unreadable });
      await checkOrWrite([register], folderUri, estateInputsText(estate, folderUri), parsed.values, context, tally,
        (status) => describeStatus(status).replace('the design changed', 'a document of the estate changed'));
    }
    if (parsed.values.check) {
      if (tally.stale > 0) context.stdout.write(`\n${tally.stale} of ${estates.length} estate registers need updating. Regenerate them with '${PROGRAM} estate ${parsed.positionals.join(' ')}' and commit the result.\n`);
      else if (tally.failed === 0) context.stdout.write(`${estates.length} estate register${estates.length === 1 ? '' : 's'} up to date.\n`);
    }
    return exitCodeOf(tally);
  },
};

