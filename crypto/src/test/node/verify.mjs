// Verifies the C2PA manifest store of one audio file with two independent readers and prints one JSON
// document on stdout:
//
//   { "file", "format",
//     "c2paRs": { "ok", "activeLabel", "manifestStore", "validationState", "statuses": [{code, url, explanation, kind}], "error" },
//     "c2paTs": { "ok", "container", "isValid", "statuses": [{code, url, explanation, success}], "error" } }
//
// c2paRs is c2pa-rs itself (its official WebAssembly build, @contentauth/c2pa-wasm); c2paTs is TrustNXT's
// pure-TypeScript reader. c2paRs status kinds: failure, informational, success (active manifest),
// ingredientFailure (an ingredient's manifest), status (c2pa-rs's overall validation_status list). Usage: node verify.mjs <file.wav|file.mp3> [trust-anchors.pem]
// With trust anchors, c2pa-rs checks the signer's chain against them; without, it reports the signer as
// untrusted. The exit code is 0 whenever the JSON could be produced: judging it is the caller's job.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';

import { initSync, WasmReader } from '@contentauth/c2pa-wasm';
import { MP3 } from '@trustnxt/c2pa-ts/asset';
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf';
import { ManifestStore } from '@trustnxt/c2pa-ts/manifest';

const require = createRequire(import.meta.url);

const FORMATS = { '.wav': 'audio/wav', '.mp3': 'audio/mpeg' };

/**
 * c2pa-ts has no RIFF support, so this adapter hands it the WAV's top-level "C2PA" chunk. It only reads:
 * the data hash exclusions come from the manifest, not from here.
 */
class RiffWave {
    mimeType = 'audio/wav';

    constructor(data) {
        this.data = data;
    }

    getDataLength() {
        return this.data.length;
    }

    async getDataRange(start = 0, length = this.data.length - start) {
        return this.data.subarray(start, start + length);
    }

    getManifestJUMBF() {
        const view = new DataView(this.data.buffer, this.data.byteOffset, this.data.byteLength);
        const fourcc = (at) => String.fromCharCode(...this.data.subarray(at, at + 4));
        if (this.data.length < 12 || fourcc(0) !== 'RIFF' || fourcc(8) !== 'WAVE') {
            return undefined;
        }
        for (let at = 12; at + 8 <= this.data.length; ) {
            const size = view.getUint32(at + 4, true);
            if (fourcc(at) === 'C2PA') {
                return this.data.subarray(at + 8, at + 8 + size);
            }
            at += 8 + size + (size & 1);
        }
        return undefined;
    }

    dumpInfo() {
        return 'RIFF/WAVE';
    }

    ensureManifestSpace() {
        throw new Error('read only');
    }

    getHashExclusionRange() {
        throw new Error('read only');
    }

    writeManifestJUMBF() {
        throw new Error('read only');
    }
}

/**
 * c2pa-ts 0.9.4 only recognises the deprecated GEOB MIME type application/x-c2pa-manifest-store; c2pa-rs
 * writes and reads application/c2pa (C2PA 2.x). When c2pa-ts's own MP3 parser finds nothing, this adapter
 * hands it the application/c2pa GEOB frame's object (ID3v2.3/2.4, no unsynchronisation), and the report says so.
 */
class Id3C2paGeob extends RiffWave {
    mimeType = 'audio/mpeg';

    getManifestJUMBF() {
        const d = this.data;
        if (d.length < 10 || d[0] !== 0x49 || d[1] !== 0x44 || d[2] !== 0x33) {
            return undefined;
        }
        const version = d[3];
        const synchsafe = (at) => (d[at] << 21) | (d[at + 1] << 14) | (d[at + 2] << 7) | d[at + 3];
        const end = 10 + synchsafe(6);
        for (let at = 10; at + 10 <= end && d[at] !== 0; ) {
            const id = String.fromCharCode(...d.subarray(at, at + 4));
            const size = version === 4 ? synchsafe(at + 4) : new DataView(d.buffer, d.byteOffset + at + 4, 4).getUint32(0);
            const body = at + 10;
            if (id === 'GEOB') {
                let p = body + 1;
                const fields = [];
                for (let f = 0; f < 3; f++) {
                    const nul = d.indexOf(0, p);
                    fields.push(String.fromCharCode(...d.subarray(p, nul)));
                    p = nul + 1;
                }
                if (fields[0] === 'application/c2pa') {
                    return d.subarray(p, body + size);
                }
            }
            at = body + size;
        }
        return undefined;
    }

    dumpInfo() {
        return 'ID3v2 + MPEG audio';
    }
}

function errorText(e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

async function readWithC2paRs(format, bytes, anchorsPem) {
    const wasm = readFileSync(require.resolve('@contentauth/c2pa-wasm/c2pa.wasm'));
    initSync({ module: wasm });
    const settings = anchorsPem
        ? JSON.stringify({ trust: { trust_anchors: anchorsPem }, verify: { verify_trust: true } })
        : JSON.stringify({ verify: { verify_trust: true } });
    try {
        const reader = await WasmReader.fromBytes(format, bytes, settings);
        const store = JSON.parse(reader.json());
        const results = store.validation_results?.activeManifest ?? {};
        const statuses = [];
        for (const kind of ['failure', 'informational', 'success']) {
            for (const s of results[kind] ?? []) {
                statuses.push({ kind, code: s.code, url: s.url, explanation: s.explanation });
            }
        }
        for (const delta of store.validation_results?.ingredientDeltas ?? []) {
            for (const s of delta.validationDeltas?.failure ?? []) {
                statuses.push({ kind: 'ingredientFailure', code: s.code, url: s.url, explanation: s.explanation });
            }
        }
        for (const s of store.validation_status ?? []) {
            if (!statuses.some((t) => t.code === s.code && t.url === s.url)) {
                statuses.push({ kind: 'status', code: s.code, url: s.url, explanation: s.explanation });
            }
        }
        return {
            ok: true,
            activeLabel: reader.activeLabel() ?? null,
            validationState: store.validation_state ?? null,
            statuses,
            manifestStore: store,
        };
    } catch (e) {
        return { ok: false, error: errorText(e) };
    }
}

async function readWithC2paTs(format, bytes) {
    try {
        let asset = format === 'audio/mpeg' ? new MP3(bytes) : new RiffWave(bytes);
        let container = format === 'audio/mpeg' ? 'c2pa-ts MP3' : 'verify.mjs RIFF adapter';
        if (format === 'audio/mpeg' && !asset.getManifestJUMBF()) {
            asset = new Id3C2paGeob(bytes);
            container = 'verify.mjs ID3 adapter (application/c2pa GEOB)';
        }
        const jumbf = asset.getManifestJUMBF();
        if (!jumbf) {
            return { ok: false, container, error: 'no manifest store found' };
        }
        const store = ManifestStore.read(SuperBox.fromBuffer(jumbf));
        const result = await store.validate(asset);
        return {
            ok: true,
            container,
            isValid: result.isValid,
            statuses: result.statusEntries.map((s) => ({
                code: s.code,
                url: s.url,
                explanation: s.explanation,
                success: s.success,
            })),
        };
    } catch (e) {
        return { ok: false, error: errorText(e) };
    }
}

const [file, anchorsFile] = process.argv.slice(2);
if (!file) {
    console.error('usage: node verify.mjs <file.wav|file.mp3> [trust-anchors.pem]');
    process.exit(2);
}
const format = FORMATS[extname(file).toLowerCase()];
if (!format) {
    console.error(`unsupported file type: ${file} (expected .wav or .mp3)`);
    process.exit(2);
}
const bytes = new Uint8Array(readFileSync(file));
const anchorsPem = anchorsFile ? readFileSync(anchorsFile, 'utf8') : undefined;

const report = {
    file,
    format,
    c2paRs: await readWithC2paRs(format, bytes, anchorsPem),
    c2paTs: await readWithC2paTs(format, bytes),
};
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
