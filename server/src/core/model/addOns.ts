import type { Design, Field, PathKey } from './design';

/*
 * The Heroku apps and add-ons a design names, as identities the estate can compare across designs:
 * the same add-on described in two designs is one consumer of the org (one Connect connection, one
 * AppLink add-on), and the allocations that are per add-on are summed by it.
 */

/** A Heroku app or add-on a design names, comparable across designs. */
export interface AddOnIdentity {
  /** Equal for the same add-on in two designs: "heroku-connect:acme-orders/orders-connect". */
  readonly key: string;
  /** "Heroku Connect add-on 'orders-connect' on app 'acme-orders'". */
  readonly label: string;
}

/**
 * The Heroku app a path runs on: its own `app`, External Objects on Connect's app, or the design's
 * only app (`heroku.apps`); undefined when the design does not say.
 */
export function pathAppName(design: Design, path: PathKey): string | undefined {
  const own = (design.paths?.[path] as { app?: Field<string> } | undefined)?.app;
  if (own) return own.value;
  if (path === 'external_objects' && design.paths?.heroku_connect) return pathAppName(design, 'heroku_connect');
  const apps = design.heroku?.apps?.value ?? [];
  return apps.length === 1 ? apps[0] : undefined;
}

/** The Heroku Connect add-on, when the design names it and its app (`paths.heroku_connect.addon`, `app`). */
export function connectAddOn(design: Design): AddOnIdentity | undefined {
  const addon = design.paths?.heroku_connect?.addon?.value;
  const app = pathAppName(design, 'heroku_connect');
  return addon && app ? { key: `heroku-connect:${app}/${addon}`, label: `Heroku Connect add-on '${addon}' on app '${app}'` } : undefined;
}

/**
 * The AppLink add-on: its app and name. With the app but no name, the app's AppLink add-on (one
 * per app is the recommendation); name the add-on in every design to be sure they are matched.
 */
export function appLinkAddOn(design: Design, requireName = false): AddOnIdentity | undefined {
  const addon = design.paths?.heroku_applink?.addon?.value;
  const app = pathAppName(design, 'heroku_applink');
  if (!app || (requireName && !addon)) return undefined;
  return addon
    ? { key: `heroku-applink:${app}/${addon}`, label: `AppLink add-on '${addon}' on app '${app}'` }
    : { key: `heroku-applink:${app}/`, label: `the AppLink add-on of app '${app}'` };
}

/**
 * The Heroku External Objects service: it comes with the Heroku Connect add-on of the app it runs
 * on, so it is known by that app (`paths.external_objects.app`, else Connect's app).
 */
export function externalObjectsService(design: Design): AddOnIdentity | undefined {
  const app = pathAppName(design, 'external_objects');
  return app ? { key: `external-objects:${app}`, label: `the External Objects service of app '${app}' (its Heroku Connect add-on)` } : undefined;
}

/**
 * What logs in when a path does, as the estate compares users: the add-on, for the add-on paths a
 * design names fully (app and add-on name); undefined for anything else (each design its own).
 */
export function loginConsumer(design: Design, path: PathKey): AddOnIdentity | undefined {
  if (path === 'heroku_connect') return connectAddOn(design);
  if (path === 'heroku_applink') return appLinkAddOn(design, true);
  return undefined;
}
