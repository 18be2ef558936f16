import type { TencentContext } from '../context.js';

/** The cloud products each product-bound SecretType serves [SDK docs]. */
export const PRODUCTS_BY_SECRET_TYPE: Readonly<Record<number, readonly string[]>> = {
  1: ['Mysql', 'Tdsql-mysql', 'Tdsql_C_Mysql'],
  2: ['Cvm'],
  3: ['Cam'],
  4: ['Redis'],
};

/** DescribeSupportedProducts: every product of SecretType 1 to 4, in that order. */
export async function DescribeSupportedProducts(_input: object, _context: TencentContext): Promise<object> {
  const products = Object.values(PRODUCTS_BY_SECRET_TYPE).flat();
  return { Products: products, TotalCount: products.length };
}
