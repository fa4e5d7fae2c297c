import juice from 'juice';
import { TemplateSyntaxError } from './template-syntax.error';

// Media queries, @font-face, @keyframes and pseudo-classes cannot live in a style attribute, so
// juice keeps them in a <style> block; everything else moves into `style=""` and the block goes.
const JUICE_OPTIONS: juice.Options = {
  preserveMediaQueries: true,
  preserveFontFaces: true,
  preserveKeyFrames: true,
  preservePseudos: true,
  insertPreservedExtraCss: true,
  removeStyleTags: true,
  applyStyleTags: true,
  xmlMode: false,
};

const HAS_STYLE_BLOCK = /<style[\s>]/i;

/**
 * Moves the rules of `<style>` blocks into `style` attributes, as many mail clients (Gmail's
 * clipped views, Outlook) ignore or strip style blocks. Runs on the final html (layout + body), in
 * memory: juice's synchronous entry point fetches nothing. Html without a style block is returned as is.
 * @throws TemplateSyntaxError (field `html`) when the css cannot be inlined.
 */
export const inlineCss = (html: string): string => {
  if (!HAS_STYLE_BLOCK.test(html)) return html;
  try {
    return juice(html, JUICE_OPTIONS);
  } catch (error) {
    throw new TemplateSyntaxError('html', error instanceof Error ? error.message : String(error), null, 'css');
  }
};
