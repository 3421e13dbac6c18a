// The worker thread's entry (tinypool): analyses one document per task. The criteria arrive once in
// the worker's data and are compiled on the first task, not once per document.
import Tinypool from 'tinypool';
import type { DocumentResult } from '../score/types.js';
import { createDocumentAnalyzer, type AnalysisSetup, type DocumentAnalyzer, type DocumentTask } from './analyze-document.js';

let analyzer: DocumentAnalyzer | undefined;

export default function analyzeInWorker(task: DocumentTask): Promise<DocumentResult> {
  analyzer ??= createDocumentAnalyzer(Tinypool.workerData as AnalysisSetup);
  return analyzer(task);
}
