/** The built-in glossary is data with a schema: every entry complete, every written form unique. */
import * as assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020';
import data from '../../server/src/data/builtin-glossary.json';
import schema from '../../server/src/data/builtin-glossary.schema.json';
import { builtinEntries } from '../../server/src/core/builtin-glossary';

const BUILTIN_ENTRIES = builtinEntries();
import { glossaryKey } from '../../server/src/core/structure';

describe('built-in glossary', () => {
  it('validates against its schema', () => {
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    assert.ok(validate(data), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  });

  it('has at least 150 complete entries with unique ids', () => {
    assert.ok(BUILTIN_ENTRIES.length >= 150, `${BUILTIN_ENTRIES.length} entries`);
    const ids = new Set(BUILTIN_ENTRIES.map((e) => e.id));
    assert.equal(ids.size, BUILTIN_ENTRIES.length);
    for (const e of BUILTIN_ENTRIES) {
      assert.ok(e.term && e.definition.length >= 20 && e.definitionEn && e.category && e.origin?.source, e.id);
    }
  });

  it('gives every written form (term or alias) to one entry only', () => {
    const owner = new Map<string, string>();
    for (const e of BUILTIN_ENTRIES) {
      for (const written of [e.term, ...e.aliases]) {
        const key = glossaryKey(written);
        assert.ok(!owner.has(key) || owner.get(key) === e.id, `${written}: ${owner.get(key)} and ${e.id}`);
        owner.set(key, e.id);
      }
    }
  });
});
