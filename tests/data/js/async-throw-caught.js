async function fail() { await null; throw new Error('async fail'); }
fail().catch((e) => console.log('caught', e.message));
(async () => { try { await fail(); } catch (e) { console.log('try/catch', e.message); } })();
