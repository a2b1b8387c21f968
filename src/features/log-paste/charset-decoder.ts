import type { CharsetDecoder } from './classifier-api.ts';

const decoders = new Map<string, TextDecoder | null>();

/**
 * The browser's TextDecoder for a MIME charset label (utf-8, iso-8859-x, gb2312/gbk/gb18030, big5,
 * iso-2022-jp, shift_jis …); undefined for a label the browser does not know.
 */
export const browserCharsetDecoder: CharsetDecoder = {
  decode(bytes, charset) {
    const label = charset.trim().toLowerCase();
    let d = decoders.get(label);
    if (d === undefined) {
      try {
        d = new TextDecoder(label, { fatal: false });
      } catch {
        d = null;
      }
      decoders.set(label, d);
    }
    return d === null ? undefined : d.decode(bytes);
  },
};
