// What a CLI accepts, read from oclif manifests (oclif.manifest.json: commands with their flags and args) and the
// CLI's package.json (topic separator, help and version flags), or from a catalog entry for a plugin whose manifest
// is not on the npm registry. Only the fields the checker uses are kept, with oclif's defaults made explicit.

export interface FlagSpec {
  readonly name: string;
  readonly type: 'boolean' | 'option';
  /** -x */
  readonly char?: string;
  /** Other names, long (--alias) or one letter (-a); oclif accepts both spellings for each. */
  readonly aliases: readonly string[];
  readonly deprecateAliases: boolean;
  /** Boolean flags only: --no-<name> is accepted. */
  readonly allowNo: boolean;
  readonly required: boolean;
  /** Option flags only: may repeat, and takes every following word up to the next flag. */
  readonly multiple: boolean;
  readonly options?: readonly string[];
  /** The environment variable the CLI reads when the flag is not given. */
  readonly env?: string;
  /** A fixed default: a required flag with one need not be given. */
  readonly hasDefault: boolean;
  /** The CLI fills it in when missing (from its config or a git remote); a runbook still names it. */
  readonly dynamicDefault: boolean;
  readonly hidden: boolean;
  /** The deprecation message, when deprecated. */
  readonly deprecated?: string;
  /** Flags that must not be given with this one. */
  readonly exclusive: readonly string[];
  /** Flags that must all be given with this one. */
  readonly dependsOn: readonly string[];
  /** At least one of these must be given with this one. */
  readonly needsOneOf: readonly (readonly string[])[];
}

export interface ArgSpec {
  readonly name: string;
  readonly required: boolean;
  readonly multiple: boolean;
  readonly options?: readonly string[];
}

export interface CommandSpec {
  /** The canonical oclif id, topics separated by ':'. */
  readonly id: string;
  readonly aliases: readonly string[];
  readonly hiddenAliases: readonly string[];
  readonly deprecateAliases: boolean;
  readonly hidden: boolean;
  /** The deprecation message, when the command is deprecated. */
  readonly deprecated?: string;
  readonly flags: Readonly<Record<string, FlagSpec>>;
  readonly args: readonly ArgSpec[];
  /** false: more positional words than args are allowed. */
  readonly strict: boolean;
  /** Where the definition comes from: "<package>@<version>" or the catalog entry's source. */
  readonly source: string;
  /** For catalog commands: the plugin to install with `<cli> plugins:install` before the command exists. */
  readonly plugin?: string;
}

export interface CliSpec {
  /** The command name: 'heroku', 'sf'. */
  readonly bin: string;
  /** "<package>@<version>". */
  readonly source: string;
  /** ':' (heroku addons:create) or ' ' (sf org login jwt; the ':' form is accepted too). */
  readonly topicSeparator: ':' | ' ';
  /** Topics may be given in any order (sf login org jwt runs org login jwt). */
  readonly flexibleTaxonomy: boolean;
  /** Words that show help instead of running the command, anywhere before `--`. */
  readonly helpFlags: readonly string[];
  /** Words that print the version when they come first. */
  readonly versionFlags: readonly string[];
  readonly commands: ReadonlyMap<string, CommandSpec>;
}

/** A command the manifests do not hold (a plugin not on the npm registry), as the product's catalog states it. */
export interface CatalogCommand {
  readonly cli: string;
  readonly id: string;
  readonly flags: readonly CatalogFlag[];
  readonly args?: readonly { readonly name: string; readonly required?: boolean; readonly multiple?: boolean; readonly options?: readonly string[] }[];
  readonly aliases?: readonly string[];
  /** Defaults to true, as in oclif. */
  readonly strict?: boolean;
  /** The npm package a user installs with `plugins:install`. */
  readonly plugin?: string;
  /** Where the command is documented (README, Dev Center page). */
  readonly source: string;
}

export interface CatalogFlag {
  readonly name: string;
  /** Defaults to 'option' (takes a value). */
  readonly type?: 'boolean' | 'option';
  readonly char?: string;
  readonly aliases?: readonly string[];
  readonly required?: boolean;
  readonly multiple?: boolean;
  readonly options?: readonly string[];
  readonly env?: string;
  readonly allowNo?: boolean;
}

/** Manifest JSON, read as it comes. */
type Json = any;

function deprecationMessage(value: Json, name: string, kind: 'flag' | 'command'): string | undefined {
  if (!value) return undefined;
  if (value === true) return `the ${kind} ${name} is deprecated`;
  if (value.message) return String(value.message);
  return `the ${kind} ${name} is deprecated${value.version ? ` and will be removed in version ${value.version}` : ''}${value.to ? `; use ${value.to} instead` : ''}`;
}

/** Relationship flags given as plain names; conditional ones ({ name, when }) lost their condition in the manifest. */
function plainNames(flags: Json): string[] | undefined {
  if (!Array.isArray(flags) || flags.some((f) => typeof f !== 'string')) return undefined;
  return flags;
}

function flagFromManifest(name: string, flag: Json): FlagSpec {
  const relationships: Json[] = flag.relationships ?? [];
  const related = (type: string) => relationships.filter((r) => r.type === type).map((r) => plainNames(r.flags)).filter((f): f is string[] => f !== undefined);
  return {
    name,
    type: flag.type === 'boolean' ? 'boolean' : 'option',
    char: flag.char,
    aliases: [...(flag.aliases ?? []), ...(flag.charAliases ?? [])],
    deprecateAliases: flag.deprecateAliases === true,
    allowNo: flag.allowNo === true,
    required: flag.required === true,
    multiple: flag.multiple === true,
    options: flag.options,
    env: flag.env,
    hasDefault: flag.default !== undefined,
    dynamicDefault: flag.hasDynamicHelp === true || flag.noCacheDefault === true,
    hidden: flag.hidden === true,
    deprecated: deprecationMessage(flag.deprecated, `--${name}`, 'flag'),
    exclusive: [...(flag.exclusive ?? []), ...related('none').flat()],
    dependsOn: [...(flag.dependsOn ?? []), ...related('all').flat()],
    needsOneOf: related('some'),
  };
}

/** One manifest command in the checker's terms. */
export function commandFromManifest(command: Json, source: string): CommandSpec {
  return {
    id: command.id,
    aliases: command.aliases ?? [],
    hiddenAliases: command.hiddenAliases ?? [],
    deprecateAliases: command.deprecateAliases === true,
    hidden: command.hidden === true,
    deprecated: command.state === 'deprecated' || command.deprecationOptions ? deprecationMessage(command.deprecationOptions ?? true, command.id, 'command') : undefined,
    flags: Object.fromEntries(Object.entries(command.flags ?? {}).map(([name, flag]) => [name, flagFromManifest(name, flag)])),
    args: Object.entries(command.args ?? {}).map(([name, arg]: [string, Json]) => ({ name, required: arg.required === true, multiple: arg.multiple === true, options: arg.options })),
    strict: command.strict !== false,
    source,
  };
}

/** A catalog entry in the checker's terms (oclif defaults for what it leaves out). */
export function commandFromCatalog(entry: CatalogCommand): CommandSpec {
  return {
    id: entry.id,
    aliases: entry.aliases ?? [],
    hiddenAliases: [],
    deprecateAliases: false,
    hidden: false,
    flags: Object.fromEntries(entry.flags.map((flag) => [flag.name, {
      name: flag.name,
      type: flag.type ?? 'option',
      char: flag.char,
      aliases: flag.aliases ?? [],
      deprecateAliases: false,
      allowNo: flag.allowNo === true,
      required: flag.required === true,
      multiple: flag.multiple === true,
      options: flag.options,
      env: flag.env,
      hasDefault: false,
      dynamicDefault: false,
      hidden: false,
      exclusive: [],
      dependsOn: [],
      needsOneOf: [],
    } satisfies FlagSpec])),
    args: (entry.args ?? []).map((arg) => ({ name: arg.name, required: arg.required === true, multiple: arg.multiple === true, options: arg.options })),
    strict: entry.strict !== false,
    source: entry.source,
    plugin: entry.plugin,
  };
}

export interface ManifestPackage {
  readonly name: string;
  readonly version: string;
  /** The parsed oclif.manifest.json. */
  readonly manifest: Json;
}

/**
 * A CLI from its package.json and the manifests of the CLI and of the plugins it bundles. When two define the same
 * id, the first wins: the CLI's own, then its plugins in package.json order (oclif's rule for core plugins).
 */
export function cliFromManifests(bin: string, cli: { readonly name: string; readonly version: string; readonly packageJson: Json; readonly manifest: Json }, plugins: readonly ManifestPackage[]): CliSpec {
  const oclif = cli.packageJson.oclif ?? {};
  const commands = new Map<string, CommandSpec>();
  for (const pkg of [{ name: cli.name, version: cli.version, manifest: cli.manifest }, ...plugins]) {
    for (const command of Object.values(pkg.manifest.commands ?? {}) as Json[]) {
      if (!commands.has(command.id)) commands.set(command.id, commandFromManifest(command, `${pkg.name}@${pkg.version}`));
    }
  }
  return {
    bin,
    source: `${cli.name}@${cli.version}`,
    topicSeparator: oclif.topicSeparator === ' ' ? ' ' : ':',
    flexibleTaxonomy: oclif.flexibleTaxonomy === true,
    helpFlags: [...new Set([...(oclif.additionalHelpFlags ?? []), '--help'])],
    versionFlags: [...new Set(['--version', ...(oclif.additionalVersionFlags ?? [])])],
    commands,
  };
}
