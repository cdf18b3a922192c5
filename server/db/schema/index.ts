export * from './accounts';
export * from './areas';
export * from './audit';
export * from './meetings';
export * from './organizations';
export * from './people';
export * from './units';
