/**
 * The theme variables VS Code gives a webview (a subset: the ones walkthrough.css reads), for
 * Light Modern, Dark Modern and High Contrast Dark. Values are the themes' colors and VS Code's
 * color-registry defaults; a variable a theme leaves unset is left out, as VS Code does.
 */
export interface WebviewTheme {
  readonly bodyClass: string;
  readonly variables: Readonly<Record<string, string>>;
}

const FONT = {
  'font-family': '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
  'font-size': '13px',
  'font-weight': 'normal',
  'editor-font-family': '"Droid Sans Mono", "monospace", monospace',
};

export const THEMES: Readonly<Record<'light' | 'dark' | 'high-contrast', WebviewTheme>> = {
  light: {
    bodyClass: 'vscode-light',
    variables: {
      ...FONT,
      'foreground': '#3b3b3b', 'descriptionForeground': '#3b3b3b', 'errorForeground': '#f85149', 'focusBorder': '#005fb8',
      'editor-background': '#ffffff', 'editor-selectionBackground': '#add6ff',
      'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-hoverBackground': '#0258a8', 'button-border': '#0000001a',
      'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'button-secondaryHoverBackground': '#cccccc',
      'input-background': '#ffffff', 'input-foreground': '#3b3b3b', 'input-border': '#cecece', 'input-placeholderForeground': '#767676',
      'dropdown-background': '#ffffff', 'dropdown-foreground': '#3b3b3b', 'dropdown-border': '#cecece',
      'textLink-foreground': '#005fb8', 'textLink-activeForeground': '#005fb8',
      'panel-border': '#e5e5e5', 'widget-border': '#e5e5e5',
      'list-activeSelectionBackground': '#e8e8e8', 'list-activeSelectionForeground': '#000000',
      'badge-background': '#cccccc', 'badge-foreground': '#3b3b3b',
      'textBlockQuote-background': '#f8f8f8', 'textBlockQuote-border': '#e5e5e5',
      'textPreformat-foreground': '#3b3b3b', 'textPreformat-background': '#0000001f',
      'inputValidation-warningBorder': '#b89500', 'inputValidation-warningBackground': '#f6f5d2',
      'inputValidation-errorBorder': '#be1100', 'inputValidation-errorBackground': '#f2dede',
      'inputValidation-infoBorder': '#007acc', 'inputValidation-infoBackground': '#d6ecf2',
      'editorWarning-foreground': '#bf8803', 'editorInfo-foreground': '#1a85ff', 'editorError-foreground': '#e51400',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    variables: {
      ...FONT,
      'foreground': '#cccccc', 'descriptionForeground': '#9d9d9d', 'errorForeground': '#f85149', 'focusBorder': '#0078d4',
      'editor-background': '#1f1f1f', 'editor-selectionBackground': '#264f78',
      'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-hoverBackground': '#026ec1', 'button-border': '#ffffff12',
      'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'button-secondaryHoverBackground': '#3c3c3c',
      'input-background': '#313131', 'input-foreground': '#cccccc', 'input-border': '#3c3c3c', 'input-placeholderForeground': '#989898',
      'dropdown-background': '#313131', 'dropdown-foreground': '#cccccc', 'dropdown-border': '#3c3c3c',
      'textLink-foreground': '#4daafc', 'textLink-activeForeground': '#4daafc',
      'panel-border': '#2b2b2b', 'widget-border': '#313131',
      'list-activeSelectionBackground': '#04395e', 'list-activeSelectionForeground': '#ffffff',
      'badge-background': '#616161', 'badge-foreground': '#f8f8f8',
      'textBlockQuote-background': '#2b2b2b', 'textBlockQuote-border': '#616161',
      'textPreformat-foreground': '#d0d0d0', 'textPreformat-background': '#3c3c3c',
      'inputValidation-warningBorder': '#b89500', 'inputValidation-warningBackground': '#352a05',
      'inputValidation-errorBorder': '#be1100', 'inputValidation-errorBackground': '#5a1d1d',
      'inputValidation-infoBorder': '#007acc', 'inputValidation-infoBackground': '#063b49',
      'editorWarning-foreground': '#cca700', 'editorInfo-foreground': '#3794ff', 'editorError-foreground': '#f14c4c',
    },
  },
  'high-contrast': {
    bodyClass: 'vscode-high-contrast',
    variables: {
      ...FONT,
      'foreground': '#ffffff', 'descriptionForeground': '#ffffffb3', 'errorForeground': '#f48771', 'focusBorder': '#f38518',
      'contrastBorder': '#6fc3df', 'contrastActiveBorder': '#f38518',
      'editor-background': '#000000', 'editor-selectionBackground': '#ffffff',
      'button-foreground': '#ffffff', 'button-border': '#6fc3df', 'button-secondaryForeground': '#ffffff',
      'input-background': '#000000', 'input-foreground': '#ffffff', 'input-border': '#6fc3df', 'input-placeholderForeground': '#ffffffb3',
      'dropdown-background': '#000000', 'dropdown-foreground': '#ffffff', 'dropdown-border': '#6fc3df',
      'textLink-foreground': '#21a6ff', 'textLink-activeForeground': '#21a6ff',
      'panel-border': '#6fc3df', 'widget-border': '#6fc3df',
      'badge-background': '#000000', 'badge-foreground': '#ffffff',
      'textBlockQuote-border': '#ffffff', 'textPreformat-foreground': '#ffffff',
      'inputValidation-warningBorder': '#6fc3df', 'inputValidation-warningBackground': '#000000',
      'inputValidation-errorBorder': '#6fc3df', 'inputValidation-errorBackground': '#000000',
      'inputValidation-infoBorder': '#6fc3df', 'inputValidation-infoBackground': '#000000',
      'editorWarning-foreground': '#ffd370', 'editorInfo-foreground': '#3794ff', 'editorError-foreground': '#f48771',
    },
  },
};
