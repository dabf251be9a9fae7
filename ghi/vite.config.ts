import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Behind the gateway (http://localhost:3000), which proxies the app and its hot-reload socket here.
  server: { port: 5173, strictPort: true },
});
