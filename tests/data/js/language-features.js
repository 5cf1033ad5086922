class Account {
  static #count = 0;
  static { Account.#count = 10; }
  #balance;
  constructor(balance) { this.#balance = balance; Account.#count++; }
  get balance() { return this.#balance; }
  static get count() { return Account.#count; }
  #secret() { return 'hidden'; }
  reveal() { return this.#secret(); }
}
const a = new Account(5);
console.log(a.balance, Account.count, a.reveal());
const { x = 1, ...rest } = { y: 2, z: 3 };
console.log(x, rest, [1, [2, [3, [4]]]].flat(Infinity), Object.fromEntries([['k', 'v']]));
console.log(10n ** 20n, 0.1 + 0.2, (123.456).toFixed(1), 'abc'.padStart(5, '*'), [3, 1, 2].toString());
label: for (const i of [1, 2, 3]) { for (const j of [1, 2]) { if (i === 2) continue label; console.log(i, j); } }
