// A criteria set that cannot be used: every issue names the file, the JSON pointer and the reason.

export interface CriteriaIssue {
  file: string;
  pointer: string;
  message: string;
}

export class CriteriaError extends Error {
  readonly issues: CriteriaIssue[];
  constructor(issues: CriteriaIssue[]) {
    super(issues.map(formatCriteriaIssue).join('\n'));
    this.name = 'CriteriaError';
    this.issues = issues;
  }
}

export function formatCriteriaIssue(issue: CriteriaIssue): string {
  return `${issue.file}: ${issue.pointer || '/'}: ${issue.message}`;
}
