// The little of NLP.js this project uses; the packages ship no types.
declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
    get(name: string): unknown;
    register(name: string, instance: unknown, isSingleton?: boolean): void;
    registerConfiguration(tag: string, settings: Record<string, unknown>, overwrite?: boolean): void;
  }
  export function containerBootstrap(): Container;
}

declare module '@nlpjs/nlp' {
  import type { Container } from '@nlpjs/core';
  export interface NlpResult {
    intent: string;
    score: number;
    classifications: Array<{ intent: string; score: number }>;
  }
  export class Nlp {
    constructor(settings: Record<string, unknown>);
    addLanguage(locales: string | string[]): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<NlpResult>;
    export(minified?: boolean): string;
    import(data: string): void;
    container: Container;
  }
}

declare module '@nlpjs/lang-da' {
  export const LangDa: unknown;
  export class StemmerDa {
    stem(word: string): string;
  }
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
  export class StemmerEn {
    stem(word: string): string;
  }
}
