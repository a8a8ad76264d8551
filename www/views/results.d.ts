// The results the views read, under the names the views use: re-exports of the types generated
// from the Rust structs (www/types/, ts-rs), so that they cannot drift from what the core sends.

export type { TermRow as Term } from '../types/TermRow';
export type { Phrase } from '../types/Phrase';
export type { Analysis } from '../types/Analysis';
export type { KwicLine } from '../types/KwicLine';
export type { Kwic } from '../types/Kwic';
export type { KeyTerm as KeynessTerm } from '../types/KeyTerm';
export type { Keyness } from '../types/Keyness';
