/** The parts of Eleventy's JavaScript APIs this project uses (they ship no type definitions). */
declare module "@11ty/eleventy-img" {
  interface ImageOptions {
    widths?: Array<number | null>;
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    svgShortCircuit?: boolean | "size";
    sharpOptions?: Record<string, unknown>;
  }
  function Image(src: string, options?: ImageOptions): Promise<Record<string, unknown>>;
  export default Image;
}

declare module "@11ty/eleventy" {
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    runMode?: "build" | "serve" | "watch";
    config?: (eleventyConfig: import("../site/plugin.ts").EleventyConfigLike) => void | Promise<void>;
  }
  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown[]>;
    init(): Promise<void>;
    /** Forgets the last run's files and timings before the next init() and write(). */
    restart(): Promise<void>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    setIsVerbose?(verbose: boolean): void;
    /** Prints nothing, not even "Wrote N files" (errors are still thrown). */
    disableLogger(): void;
  }
}
