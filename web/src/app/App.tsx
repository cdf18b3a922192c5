import { RouterProvider } from 'react-router-dom';
import { Providers } from './providers';
import { router } from './router';

/** Root component: providers around the router. */
export function App() {
  return (
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  );
}
