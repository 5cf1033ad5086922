export const helper = (x) => `helped ${x}`;
export let counter = 1;
counter += 1;
