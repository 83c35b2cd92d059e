export { round } from '../src/lib/aggregate.ts';
