import { isProductId, productInfo } from '@/engine/index.ts';

/** A product's display name (the same in both languages), or the id itself when unknown. */
export function productName(id: string): string {
  return isProductId(id) ? productInfo(id).name : id;
}
