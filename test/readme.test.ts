/**
 * README stays true: every TypeScript block runs, and every `npx corridor-sim ...` line of the CLI
 * section exits 0.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = (lang: string) =>
  [...readme.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]!);
const tmp = new URL('../.tmp/readme/', import.meta.url);

describe('README', () => {
  blocks('ts').forEach((code, i) => {
    it(`TypeScript example ${i + 1} runs`, async () => {
      mkdirSync(tmp, { recursive: true });
      const file = new URL(`example-${i + 1}.ts`, tmp);
      writeFileSync(file, code.replaceAll('console.log(', 'void ('));
      await import(/* @vite-ignore */ file.href);
    });
  });

  const commands = blocks('sh')
    .flatMap((b) => b.split('\n'))
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.startsWith('npx corridor-sim '));

  it('shows the CLI commands it promises', () => {
    expect(commands.length).toBeGreaterThan(10);
  });

  for (const command of commands) {
    it(`"${command}" exits 0`, async () => {
      const io = memoryIo();
      const code = await main(command.split(/\s+/).slice(2), io);
      expect(io.stderr).toEqual([]);
      expect(code).toBe(0);
    });
  }
});
