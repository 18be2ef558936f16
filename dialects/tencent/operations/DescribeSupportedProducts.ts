import type { TencentContext } from '../context.js';
import { PRODUCTS_BY_SECRET_TYPE } from '../products.js';

/** DescribeSupportedProducts: every product of SecretType 1 to 4, in that order. */
export async function DescribeSupportedProducts(_input: object, _context: TencentContext): Promise<object> {
  const products = Object.values(PRODUCTS_BY_SECRET_TYPE).flat();
  return { Products: products, TotalCount: products.length };
}
