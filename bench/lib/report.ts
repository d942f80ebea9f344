/** A met / not met / not applicable verdict for one figure against its target. */
export type Verdict = 'met' | 'NOT MET' | 'n/a';

export function verdict(ok: boolean | undefined): Verdict {
  return ok === undefined ? 'n/a' : ok ? 'met' : 'NOT MET';
}

/** One line of the summary: a figure, its target and its verdict. */
export interface Figure {
  readonly section: string;
  readonly figure: string;
  readonly value: string;
  readonly target: string;
  readonly verdict: Verdict;
}

/**
 * Collects the report as Markdown while echoing it to the console, so a long
 * run shows its figures as they come.
 */
export class Report {
  private readonly lines: string[] = [];
  public readonly figures: Figure[] = [];

  public heading(level: number, text: string): void {
    this.add(`${'#'.repeat(level)} ${text}`, '');
  }

  public paragraph(text: string): void {
    this.add(text, '');
  }

  public table(headers: string[], rows: string[][]): void {
    const esc = (c: string) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    this.add(`| ${headers.map(esc).join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`);
    for (const row of rows) this.add(`| ${row.map(esc).join(' | ')} |`);
    this.add('');
  }

  /** Records a figure for the summary table. */
  public figure(f: Figure): void {
    this.figures.push(f);
  }

  public markdown(): string {
    return this.lines.join('\n');
  }

  private add(...lines: string[]): void {
    for (const l of lines) {
      this.lines.push(l);
      console.log(l);
    }
  }
}
