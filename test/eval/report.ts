/** `npm run eval`: prints claim extraction against the annotated gold standard. */
import { evaluate } from './claims-eval';

const e = evaluate();
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`gold figures ${e.gold}, extracted on those lines ${e.predicted}, matched ${e.matched}`);
console.log(`detection: precision ${pct(e.precision)}, recall ${pct(e.recall)}`);
for (const [field, accuracy] of Object.entries(e.fields)) console.log(`  ${field.padEnd(10)} ${pct(accuracy)}`);
const show = process.argv.includes('--details');
if (show) {
  console.log('\nmissed:', e.misses.join('\n  '));
  console.log('\nextra:', e.extras.join('\n  '));
  for (const [field, list] of Object.entries(e.wrong)) console.log(`\nwrong ${field}:\n  ${list.join('\n  ')}`);
}
