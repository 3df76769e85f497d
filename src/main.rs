//! Entry point of the browser build: mounts the application into the host page's
//! `#hrdd-calculator` element when there is one (embedding in an intranet page), otherwise on
//! the body.

fn main() {
    let host = gloo::utils::document().get_element_by_id("hrdd-calculator");
    match host {
        Some(element) => yew::Renderer::<hrdd_calculator::App>::with_root(element).render(),
        None => yew::Renderer::<hrdd_calculator::App>::new().render(),
    };
}
