/**
 * `corridor-sim validate <file>...`: validate network, demand or scenario documents and print every
 * issue with its JSON path. Exit 0 when all are valid, 1 when not, 2 on usage errors.
 */

import { parseArgs } from 'node:util';
import { safeParseDemand } from '../../data/demand-format.js';
import { safeParseNetwork } from '../../data/network-format.js';
import { safeParseScenario } from '../../data/scenario-format.js';
import { formatPath, type ValidationIssue } from '../../model/errors.js';
import type { CliIo, Command } from '../io.js';
import { readJson } from './read.js';

/** Validate one parsed document by its `format` field. */
function validateDocument(doc: unknown): { kind: string; issues: readonly ValidationIssue[] } {
  const format = (doc as { format?: unknown } | null)?.format;
  switch (format) {
    case 'corridor-sim/demand': {
      const r = safeParseDemand(doc);
      return { kind: 'demand', issues: r.success ? [] : r.issues };
    }
    case 'corridor-sim/scenario': {
      const r = safeParseScenario(doc);
      return { kind: 'scenario', issues: r.success ? [] : r.issues };
    }
    default: {
      const r = safeParseNetwork(doc);
      return { kind: 'network', issues: r.success ? [] : r.issues };
    }
  }
}

/** The `validate` command. */
export const validateCommand: Command = async (args, io: CliIo) => {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  if (positionals.length === 0) {
    io.err('usage: corridor-sim validate <file.json>... [--json]');
    return 2;
  }
  let failed = false;
  const report: {
    file: string;
    kind: string;
    valid: boolean;
    issues: { code: string; path: string; message: string }[];
  }[] = [];
  for (const file of positionals) {
    const doc = readJson(file, io);
    if (!doc.ok) {
      failed = true;
      report.push({
        file,
        kind: 'unknown',
        valid: false,
        issues: [{ code: 'parse', path: '$', message: doc.message }],
      });
      continue;
    }
    const { kind, issues } = validateDocument(doc.value);
    if (issues.length > 0) failed = true;
    report.push({
      file,
      kind,
      valid: issues.length === 0,
      issues: issues.map((i) => ({ code: i.code, path: formatPath(i.path), message: i.message })),
    });
  }
  if (values.json) {
    io.out(JSON.stringify(report.length === 1 ? report[0] : report, null, 2));
  } else {
    for (const entry of report) {
      if (entry.valid) io.out(`${entry.file}: valid ${entry.kind}`);
      else {
        io.out(
          `${entry.file}: ${entry.issues.length} issue${entry.issues.length === 1 ? '' : 's'} (${entry.kind})`,
        );
        for (const issue of entry.issues) io.out(`  ${issue.path}: ${issue.message} [${issue.code}]`);
      }
    }
  }
  return failed ? 1 : 0;
};
