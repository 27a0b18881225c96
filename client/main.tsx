import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, route } from './App.tsx';
import { loadBoardView, prewarmBoardAtLoad } from './board/BoardPage.tsx';
import { I18nProvider } from './i18n/index.ts';
import { RubyProvider } from './ruby/index.ts';
import './styles.css';
import { markLoad } from './lib/loadMarks.ts';

markLoad('app-start');
// A board link starts loading the board's code and syncing its document before the first
// render (BoardPage takes the connection over).
const initialRoute = route(location.pathname);
if (initialRoute.page === 'board') {
  void loadBoardView();
  prewarmBoardAtLoad(initialRoute.boardId);
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <RubyProvider>
          <App />
        </RubyProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
