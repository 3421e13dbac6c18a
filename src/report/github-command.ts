// GitHub Actions workflow commands (`::warning file=…,line=…,title=…::message`), escaped exactly as
// the Actions toolkit (@actions/core) escapes them.

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface AnnotationProperties {
  file?: string;
  line?: number;
  title?: string;
}

/** Message text: %, CR and LF would end or corrupt the command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values: also : and , which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function workflowCommand(level: AnnotationLevel, properties: AnnotationProperties, message: string): string {
  const pairs = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${level}${pairs.length ? ` ${pairs.join(',')}` : ''}::${escapeData(message)}`;
}
