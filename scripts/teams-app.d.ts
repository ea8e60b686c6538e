// Types of ./teams-app.js for the TypeScript tests that use it.

export const TEAMS_DIR: string;
export const ZIP_NAME: string;
/** The files of the app package: the manifest and the files it names. */
export function appFiles(manifest: unknown): string[];
/** The zip of teams/ (the manifest and its files at the root). */
export function buildZip(dir?: string): Promise<Buffer>;
/** The complaints of the bundled schema its $schema names, [] when valid. */
export function schemaErrors(json: unknown): Promise<string[]>;
export function pngHeader(png: Buffer): { width: number; height: number; bitDepth: number; colorType: number; interlace: number };
/** The pixels of an 8-bit RGBA PNG as [r, g, b, a] rows. */
export function pngPixels(png: Buffer): number[][][];
export function iconProblems(color: Buffer, outline: Buffer): string[];
/** The problems of an app package (the zip's bytes), [] when none. */
export function checkApp(zip: Buffer): Promise<string[]>;
export function writeZip(dir?: string): Promise<string>;
export function copyBesidePackage(): string;
