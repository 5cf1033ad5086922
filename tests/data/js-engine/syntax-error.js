console.log("never runs");
function broken() {
  let total = ;
}
