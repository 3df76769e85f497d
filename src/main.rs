//! Entry point of the browser build: mounts the application on the page body.

fn main() {
    yew::Renderer::<hrdd_calculator::App>::new().render();
}
