/** The cloud products each product-bound SecretType serves [sdk]. */
export const PRODUCTS_BY_SECRET_TYPE: Readonly<Record<number, readonly string[]>> = {
  1: ['Mysql', 'Tdsql-mysql', 'Tdsql_C_Mysql'],
  2: ['Cvm'],
  3: ['Cam'],
  4: ['Redis'],
};
