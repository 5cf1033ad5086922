export const late = await Promise.resolve('late');
