/** The parts of the Frictionless reference implementation (datapackage-js) the tests use. */
declare module 'datapackage' {
  export class Package {
    static load(descriptor: string, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: { name: string; read(options?: { cast?: boolean; keyed?: boolean }): Promise<unknown[]> }[];
  }
}
