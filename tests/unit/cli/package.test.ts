// The engine as a library: the packed tarball (`npm pack`) installs into a scratch project, whose
// TypeScript calls diagnoseBounce and extractCodes from 'bouncedoc' with the published declarations
// (tsc, strict, Node's module resolution; a wrongly typed call fails) and runs them; its `bouncedoc` bin reads standard input.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-pack-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const CHECK = `import { diagnoseBounce, extractCodes } from 'bouncedoc';
import type { Diagnosis, Finding } from 'bouncedoc';

const diagnosis: Diagnosis = await diagnoseBounce('550 5.1.1 <someone@example.org>: Recipient address rejected: User unknown');
const codes: Finding[] = extractCodes('421 4.7.0 Try again later');
const permanent: boolean | null = diagnosis.permanent;
console.log(JSON.stringify({ reason: diagnosis.reason, permanent, codes: codes.map((finding) => finding.value) }));
`;

describe('the bouncedoc package', () => {
  it('installs from its tarball and is called with types from a scratch project', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], { cwd: root, stdio: 'ignore' });
    execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch], { cwd: root, stdio: 'ignore' });
    const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const app = path.join(scratch, 'app');
    mkdirSync(app);
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [], outDir: 'out' }, files: ['check.ts', 'wrong.ts'] }),
    );
    writeFileSync(path.join(app, 'check.ts'), CHECK);
    // one compile for both: wrong.ts must fail on its wrongly typed line, check.ts must compile clean
    writeFileSync(path.join(app, 'wrong.ts'), "import { diagnoseBounce } from 'bouncedoc';\nexport const wrong: number = (await diagnoseBounce('x')).reason;\n");
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(scratch, tarball ?? '')], { cwd: app, stdio: 'ignore' });

    const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: app, encoding: 'utf8' });
    const errors = tsc.stdout.split('\n').filter((line) => /error TS/.test(line));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^wrong\.ts\(2,\d+\): error TS2322: .* is not assignable to type 'number'/);
    const output = execFileSync(process.execPath, [path.join('out', 'check.js')], { cwd: app, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ reason: 'userunknown', permanent: true, codes: ['421', '4.7.0'] });

    const bin = spawnSync(path.join(app, 'node_modules', '.bin', 'bouncedoc'), ['--json'], { input: '550 5.1.1 User unknown\n', encoding: 'utf8' });
    expect(bin.status).toBe(0);
    expect(JSON.parse(bin.stdout)).toMatchObject({ file: '-', ok: true, reason: 'userunknown' });
  }, 180_000);
});
