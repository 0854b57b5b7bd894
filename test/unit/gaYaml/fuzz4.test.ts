import { test } from 'node:test';
import { fuzz } from './fuzz';

// One quarter of the 10,000-document fuzz (fuzz.ts says what it checks).
test('fuzz 4/4: 2,500 mutated documents — no exception, ranges inside, messages said, incremental = fresh', (t) => fuzz(t, 4242, Number(process.env.GA_FUZZ_DOCUMENTS ?? 2_500)));
