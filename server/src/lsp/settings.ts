import type { Connection } from 'vscode-languageserver';
import { SEVERITIES } from '../core/findings';
import type { SeverityOverride } from '../core/severities';
import { RULES_BY_ID } from '../core/rules/registry';
import { SETTINGS_SECTION, type IntegrationDesignerSettings, type ValidateSetting } from '../protocol';
import { compareText } from '../core/format/compare';

/** Settings after checking: what the analysis and the scheduler use. */
export interface EffectiveSettings {
  readonly severities: Readonly<Record<string, SeverityOverride>>;
  readonly validate: ValidateSetting;
  /** Where artifacts are written, relative to the design's folder ('' = beside it). */
  readonly artifactsFolder: string;
  /** Stable text of `severities`: findings shown with these settings are cached under it. */
  readonly key: string;
}

export const DEFAULT_SETTINGS: EffectiveSettings = { severities: {}, validate: 'onType', artifactsFolder: '', key: '{}' };

/**
 * Per-resource settings, pulled with workspace/configuration and cached per document until
 * the client reports a change. Clients without workspace/configuration (some Neovim or Helix
 * setups) give them in initializationOptions or push them with didChangeConfiguration.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<EffectiveSettings>>();
  private pushed: unknown;
  private readonly warned = new Set<string>();
  /** Grows on every change, so work started with older settings can tell it is outdated. */
  generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    private readonly initializationOptions: unknown,
  ) {}

  get(uri: string): Promise<EffectiveSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.load(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** Forgets every cached value; `pushed` is the didChangeConfiguration payload's `settings`. */
  invalidate(pushed?: unknown): void {
    this.cache.clear();
    this.generation++;
    if (pushed !== undefined && pushed !== null) this.pushed = pushed;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async load(uri: string): Promise<EffectiveSettings> {
    const fallback = sectionOf(this.pushed) ?? sectionOf(this.initializationOptions);
    if (!this.canPull) return this.normalize(fallback);
    try {
      const pulled: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      return this.normalize(isObject(pulled) ? pulled : fallback);
    } catch (error) {
      this.connection.console.error(`Could not read the ${SETTINGS_SECTION} settings for ${uri}: ${String(error)}. Using defaults.`);
      this.cache.delete(uri);
      return this.normalize(fallback);
    }
  }

  private normalize(raw: unknown): EffectiveSettings {
    if (!isObject(raw)) return DEFAULT_SETTINGS;
    const settings = raw as IntegrationDesignerSettings;
    const severities: Record<string, SeverityOverride> = {};
    if (isObject(settings.rules)) {
      for (const [ruleId, value] of Object.entries(settings.rules)) {
        if (!RULES_BY_ID.has(ruleId)) {
          this.warnOnce(`rule:${ruleId}`, `${SETTINGS_SECTION}.rules: there is no rule '${ruleId}'; the setting is ignored.`);
          continue;
        }
        if (value === 'default') continue;
        if (value === 'off' || (SEVERITIES as readonly unknown[]).includes(value)) severities[ruleId] = value as SeverityOverride;
        else this.warnOnce(`severity:${ruleId}:${String(value)}`, `${SETTINGS_SECTION}.rules.${ruleId}: '${String(value)}' is not one of off, error, warning, info, hint, default; the setting is ignored.`);
      }
    }
    if (settings.validate !== undefined && settings.validate !== 'onType' && settings.validate !== 'onSave') {
      this.warnOnce(`validate:${String(settings.validate)}`, `${SETTINGS_SECTION}.validate: '${String(settings.validate)}' is not onType or onSave; validating as you type.`);
    }
    const validate: ValidateSetting = settings.validate === 'onSave' ? 'onSave' : 'onType';
    const folder = isObject(settings.artifacts) ? settings.artifacts.folder : undefined;
    const sorted = Object.fromEntries(Object.entries(severities).sort(([a], [b]) => compareText(a, b)));
    return { severities: sorted, validate, artifactsFolder: typeof folder === 'string' ? folder : '', key: JSON.stringify(sorted) };
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.connection.console.warn(message);
  }
}

/** Accepts `{ integrationDesigner: {...} }` or the section itself. */
function sectionOf(options: unknown): unknown {
  if (!isObject(options)) return undefined;
  const nested = (options as Record<string, unknown>)[SETTINGS_SECTION];
  if (isObject(nested)) return nested;
  const o = options as Record<string, unknown>;
  return 'rules' in o || 'validate' in o || 'artifacts' in o ? o : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
