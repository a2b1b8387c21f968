import { useTranslation } from 'react-i18next';
import { productInfo, type ProductId } from '@/engine/index.ts';
import { OTHER_TEXT, type ChoiceList } from './choices.ts';

/** Product names are brand names, the same in both languages, except the "other" choice. */
export function useProductName(): (id: ProductId, list: ChoiceList) => string {
  const { t } = useTranslation('wizard');
  return (id, list) => (id === 'other' ? t(OTHER_TEXT[list]) : productInfo(id).name);
}
