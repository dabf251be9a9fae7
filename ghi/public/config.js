// Replaced at deploy time (see ghi/docker/40-carcar-config.sh); empty in development, where the
// VITE_* variables or the local defaults apply.
window.__CARCAR_CONFIG__ = {};
