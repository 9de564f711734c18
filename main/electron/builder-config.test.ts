import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');
const config = parse(read('electron-builder.yml'));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation', async () => {
    // The same check `electron-builder` runs before packaging (app-builder-lib's scheme.json through ajv), offline.
    const { validateConfiguration } = createRequire(import.meta.url)('app-builder-lib/out/util/config/config.js');
    await expect(validateConfiguration(structuredClone(config), { isEnabled: false })).resolves.toBeUndefined();
    // Loading app-builder-lib takes seconds on a busy two-core machine.
  }, 60_000);

  it('builds for Linux, Windows and macOS', () => {
    expect(config.appId).toBe('pro.policywright.app');
    expect(config.productName).toBe('Policywright');
    expect(config.directories.output).toBe('release');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.linux.category).toBe('Office');
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
    expect(config.mac.category).toBe('public.app-category.productivity');
  });

  it('sets every fuse as the security notes require', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the bundles and assets', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'assets/**', 'package.json']));
  });

  it('names icons that exist and are big enough for every platform', () => {
    for (const platform of ['linux', 'win', 'mac']) {
      const icon = config[platform].icon as string;
      expect(existsSync(new URL(icon, root)), icon).toBe(true);
      const png = readFileSync(new URL(icon, root));
      // IHDR width and height: macOS wants at least 512×512.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    }
    expect(existsSync(new URL('assets/icons/icon.svg', root))).toBe(true);
  });

  it('starts the bundle that scripts/build-main.mjs writes', () => {
    const script = read('scripts/build-main.mjs');
    const outfile = script.match(/entryPoints: \['main\/electron\/main\.ts'\],\s*outfile: '([^']+)'/)?.[1];
    expect(outfile).toBe('dist/main/electron-main.js');
    expect(config.extraMetadata.main).toBe(outfile);
    // `npm start` runs Electron on the repository, which reads package.json's main.
    expect(JSON.parse(read('package.json')).main).toBe(outfile);
    // And the window loads the preload from where the script puts it.
    expect(script).toMatch(/entryPoints: \['main\/electron\/preload\.ts'\], outfile: 'dist\/main\/preload\.cjs'/);
    expect(read('main/electron/main.ts')).toContain("'dist', 'main', 'preload.cjs'");
  });
});
