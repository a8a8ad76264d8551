// The results the views read, as docs/API.md describes them. When the types generated from the
// Rust structs (www/types/, ts-rs) land, these become re-exports of those.

export interface Term {
  term: string;
  pos: string | null;
  freq: number;
  docFreq: number;
  tfidf: number;
  tfidfCorpus: number;
  textrank: number;
}

export interface Phrase {
  phrase: string;
  parts: string[];
  count: number;
  pmi: number;
  llr: number;
  leftEntropy: number;
  rightEntropy: number;
  score: number;
}

export interface Analysis {
  documents: number;
  tokens: number;
  termTokens: number;
  vocabulary: number;
  terms: Term[];
  network: import('./network/style.js').Network;
  phrases: Phrase[];
}

export interface KwicLine {
  docId: number;
  docName: string;
  left: string;
  keyword: string;
  right: string;
  offset: number;
}

export interface Kwic {
  term: string;
  total: number;
  lines: KwicLine[];
}

export interface KeynessTerm {
  term: string;
  targetFreq: number;
  referenceFreq: number;
  llr: number;
  logRatio: number;
}

export interface Keyness {
  target: number[];
  targetTokens: number;
  referenceTokens: number;
  terms: KeynessTerm[];
}
