/** Requests shown per page when the web part's property says nothing (kept out of the root so the pane needs no chunk). */
export const DEFAULT_PAGE_SIZE = 20;
