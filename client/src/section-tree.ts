/** The figures view's grouping by section, kept free of vscode so that it can be tested on its own. */

/**
 * A section of the report with its own figures and its subsections, named as the report names it
 * (or a metric with its figures).
 */
export interface Group<Row> { key: string; label: string; rows: Row[]; children: Group<Row>[] }

/**
 * The sections the figures stand under, as a tree in the report's order: each section holds the
 * figures that stand directly under it, then its subsections.
 */
export function sectionTree<Row extends { readonly section: readonly string[] }>(rows: readonly Row[], unsectioned: string): Group<Row>[] {
  const top: Group<Row>[] = [];
  const byKey = new Map<string, Group<Row>>();
  for (const row of rows) {
    let siblings = top;
    let group: Group<Row> | undefined;
    const path = row.section.length ? row.section : [unsectioned];
    path.forEach((label, depth) => {
      const key = path.slice(0, depth + 1).join('\u0000');
      group = byKey.get(key);
      if (!group) {
        group = { key, label, rows: [], children: [] };
        byKey.set(key, group);
        siblings.push(group);
      }
      siblings = group.children;
    });
    group!.rows.push(row);
  }
  return top;
}
