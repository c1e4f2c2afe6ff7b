// The baseline of bench/first-post.mjs: one small Lit element that makes one Firestore REST `runQuery`
// for the same 20 posts and renders them. What "one round trip, no SDK" costs on the same network.
import {LitElement, html, css} from 'lit';

const STATUSES = ['visible', 'hidden', 'deleted'];

class RestBaseline extends LitElement {
  static properties = {posts: {state: true}};
  static styles = css`article{border:1px solid #8c959f;border-radius:8px;padding:1rem;margin-block:.5rem}`;

  connectedCallback() {
    super.connectedCallback();
    const base = this.getAttribute('base');
    const parent = this.getAttribute('parent');
    const structuredQuery = {
      from: [{collectionId: 'posts'}],
      // Issue 18's rules let a visitor's query ask only for posts shared with everyone (audience == 'everyone').
      where: {compositeFilter: {op: 'AND', filters: [
        {fieldFilter: {field: {fieldPath: 'status'}, op: 'IN', value: {arrayValue: {values: STATUSES.map((s) => ({stringValue: s}))}}}},
        {fieldFilter: {field: {fieldPath: 'audience'}, op: 'EQUAL', value: {stringValue: 'everyone'}}},
      ]}},
      orderBy: [{field: {fieldPath: 'createdAt'}, direction: 'DESCENDING'}, {field: {fieldPath: '__name__'}, direction: 'DESCENDING'}],
      limit: 20,
    };
    fetch(`${base}/v1/${parent}:runQuery`, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({structuredQuery})})
      .then((r) => r.json())
      .then((rows) => {
        this.posts = rows.filter((r) => r.document).map((r) => {
          const f = r.document.fields;
          return {id: r.document.name.split('/').pop(), author: f.authorName.stringValue, body: f.body.stringValue, at: f.createdAt.timestampValue};
        }).reverse();
      });
  }

  render() {
    if (!this.posts) return html`<p>Loading…</p>`;
    return html`<div role="feed">${this.posts.map((p) => html`<article data-post-id=${p.id}>
      <header><strong>${p.author}</strong> <time datetime=${p.at}>${new Date(p.at).toLocaleString()}</time></header>
      <p>${p.body}</p></article>`)}</div>`;
  }
}
customElements.define('rest-baseline', RestBaseline);
