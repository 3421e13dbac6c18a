// SARIF 2.1.0 building blocks shared by the check and diff formatters: the log skeleton, artifact
// URIs, locations with the page and section, and fingerprints that survive edits of a document.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { EvidenceResult } from '../score/types.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const TOOL_URI = 'https://github.com/s4s-project/s4s';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** A relative path becomes a relative URI (each segment percent-encoded), an absolute one a file: URI. */
export function artifactUri(path: string): string {
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return pathToFileURL(path).href;
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** Depends only on the document path and the criterion, never on lines, so an edited strategy keeps its alerts. */
export function fingerprint(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

export interface SarifLocationInput {
  path: string;
  artifactIndex: number;
  evidence: EvidenceResult | undefined;
}

/** `region.startLine` is always set (line 1 when the place has no line: a PDF page, or no evidence at all). */
export function sarifLocation({ path, artifactIndex, evidence }: SarifLocationInput): object {
  const logicalLocations: object[] = [];
  if (evidence?.section) {
    logicalLocations.push({ name: evidence.sectionPath.at(-1) ?? evidence.section, fullyQualifiedName: evidence.section, kind: 'section' });
  }
  if (evidence?.page !== undefined) logicalLocations.push({ name: `page ${evidence.page}`, kind: 'page' });
  return {
    physicalLocation: {
      artifactLocation: { uri: artifactUri(path), index: artifactIndex },
      region: { startLine: evidence?.line ?? 1 },
    },
    ...(logicalLocations.length ? { logicalLocations } : {}),
  };
}

/** Page and section of the evidence for a result's property bag. */
export function placeProperties(evidence: EvidenceResult | undefined): Record<string, string | number> {
  if (!evidence) return {};
  return {
    ...(evidence.section ? { section: evidence.section } : {}),
    ...(evidence.page !== undefined ? { page: evidence.page } : {}),
    ...(evidence.line !== undefined ? { line: evidence.line } : {}),
  };
}

export function sarifLog(run: object): string {
  return `${JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, null, 2)}\n`;
}
