// The gateway answers /config.js itself with the deployment's settings (TIMEZONE); this empty one is
// what Vite serves when the app runs on its own, where the VITE_* variables or the defaults apply.
window.__CARCAR_CONFIG__ = {};
